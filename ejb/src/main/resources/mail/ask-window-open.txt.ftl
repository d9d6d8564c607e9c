Hello ${studentName},

Your ${rotationSpecialtyLower} rotation at ${site} ${ends} (${endDay}). These last days are the best time to ask for a letter of recommendation, while your work is fresh in their mind: ask ${writerName} in person, ${when}.
<#if writerCaution??>
Take care: ${writerCaution}.
</#if>

Ask whether they would feel comfortable writing you a strong letter: the word "strong" matters. The Ask page has the words to use, in person and by email, and records their answer:
${askUrl}

If you cannot ask in person, asking by email stays acceptable until ${acceptableTo}.

Add your ask window to your calendar: ${calendarUrl}

${agencyName}
