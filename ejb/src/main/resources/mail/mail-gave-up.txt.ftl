Hello,

LorKit gave up on ${what} after ${attempts} attempts over about a day: the mail server kept failing for reasons that
looked temporary.

The last answer was: ${error}

The letter's page shows "Email not delivered"; the student can send fresh links from their letters page, to the same
or a corrected address. If many emails fail like this, the mail relay may be down or overloaded.

LorKit for ${agencyName}
${baseUrl}/agency/overview.xhtml
