Hello,

LorKit could not deliver ${what}.

What the mail servers said: ${error}

The letter's page shows "Email not delivered", and the student can send fresh links from their letters page, to the
same or a corrected address. If the reason is a policy refusal (5.7.x: the recipient's server does not trust mail
from your domain), check SPF, DKIM and DMARC for it; if many emails fail like this, the mail relay may be down.

You get this alert at most once a day, about the first email that could not be delivered; every letter concerned
shows it on its page.

LorKit for ${agencyName}
${baseUrl}/agency/overview.xhtml
