Dear ${attendingSalutation},

Here is a fresh link to the letter kit for ${studentName} (${rotationSpecialtyLower}, ${site}, ${rotationMonth}); earlier links no longer work:
${kitUrl}

To confirm you will write the letter: ${confirmUrl}

The deadline is ${deadline}. Replies to this email go to ${studentName}.

${agencyName}
