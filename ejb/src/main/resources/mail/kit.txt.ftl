Dear ${attendingSalutation},

Thank you for agreeing to write a strong letter of recommendation for ${studentName}, who worked with you on the ${rotationSpecialtyLower} service at ${site} from ${startDate} to ${endDate} as ${role}. This email carries everything you need in one place.
<#if personalParagraph?has_content>

${personalParagraph}
</#if>

Open the kit (summary of the work on your service, CV, personal statement, and all of it as one PDF):
${kitUrl}

Please confirm that you will write the letter:
${confirmUrl}

ERAS AAMC ID: ${aamcId}<#if erasLetterId?has_content>
ERAS Letter ID: ${erasLetterId}</#if>
The letter is for: ${letterFor}
Deadline: ${deadline}. If another date suits you better, just reply and say so.

How submission works: AAMC will email you a separate upload link once ${studentName} enters you in ERAS. ERAS accepts:
<#list erasAccepts as rule>
- ${rule}
</#list>

Replies to this email go to ${studentName}. The deadline is attached as a calendar event.

With thanks,
${studentName}
${studentEmail}
<#if studentPhone?has_content>
${studentPhone}
</#if>
(sent through ${agencyName})
