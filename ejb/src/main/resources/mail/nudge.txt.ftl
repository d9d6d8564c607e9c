Hello ${studentName},

${message}

See what to do next: ${portalUrl}

Reply to this email to reach your agency.

${agencyName}
