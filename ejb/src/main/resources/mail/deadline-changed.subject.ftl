A new deadline for ${studentName}'s letter of recommendation
