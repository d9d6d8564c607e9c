Hello ${studentName},

${attendingName} says the letter is uploaded to ERAS. Check that ERAS shows it as received within 3 days and record it in LorKit; if it does not appear, LorKit flags a mismatch.

See your letters: ${portalUrl}

${agencyName}
