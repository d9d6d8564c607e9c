Dear ${attendingSalutation},

A short note about the letter of recommendation you kindly agreed to write for ${studentName} (${rotationSpecialtyLower}, ${site}, ${rotationMonth}): the deadline is now ${deadline}<#if plannedSubmit?has_content>. ${studentName} plans to submit their ERAS application on ${plannedSubmit}</#if>. Nothing else has changed, and the attached calendar event carries the new date.

The kit is here, as before: ${kitUrl}

Thank you for your time,
${studentName}
(sent through ${agencyName})
