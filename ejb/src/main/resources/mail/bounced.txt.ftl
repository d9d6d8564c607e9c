Hello ${studentName},

The email with your letter kit could not be delivered to ${attendingName}. Check their address with your agency, correct it, and send the kit again.

See your letters: ${portalUrl}

${agencyName}
