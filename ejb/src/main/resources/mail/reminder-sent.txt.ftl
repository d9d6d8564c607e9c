Hello ${studentName},

A gentle reminder about your letter went to ${attendingName} today (reminder ${remindersSent} of at most 2).

See your letters: ${portalUrl}

${agencyName}
