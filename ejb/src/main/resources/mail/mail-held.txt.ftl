Hello,

The mail relay LorKit sends through refused an email of ${agencyName} for a reason of its own setup, not because of
the recipient's address:

    ${reply}

Codes like 5.7.x mean the relay does not accept mail from LorKit as it is set up: a missing or wrong login
(LORKIT_SMTP_USERNAME / LORKIT_SMTP_PASSWORD), a sender address the relay may not send for (LORKIT_MAIL_FROM),
or relaying denied. Nothing is lost: the emails wait in LorKit's outbox and are tried again every few minutes,
and no student is told that their email bounced. Please pass this on to whoever runs your mail.

You get this alert at most once a day while the relay keeps refusing.

LorKit for ${agencyName}
${baseUrl}/agency/overview.xhtml
