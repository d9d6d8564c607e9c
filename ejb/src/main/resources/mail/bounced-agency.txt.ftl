The letter kit email from ${studentName} to ${attendingName} could not be delivered: the mail server refused the address.

Please check ${attendingName}'s address in your attending directory. ${studentName} can correct it and send fresh links from their letters page.

${agencyName}
