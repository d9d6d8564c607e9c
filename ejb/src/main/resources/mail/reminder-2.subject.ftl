Gentle reminder: letter of recommendation for ${studentName}
