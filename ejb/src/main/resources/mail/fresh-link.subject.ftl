Your link to ${studentName}'s letter kit
