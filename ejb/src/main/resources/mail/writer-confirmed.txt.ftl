Hello ${studentName},

${attendingName} confirmed that they will write a strong letter for you. The deadline is ${deadline}. Enter them in ERAS if you have not yet: AAMC then emails them the upload link.

See your letters: ${portalUrl}

${agencyName}
