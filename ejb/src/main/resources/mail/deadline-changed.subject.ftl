New deadline for ${studentName}'s letter of recommendation: ${deadline}
