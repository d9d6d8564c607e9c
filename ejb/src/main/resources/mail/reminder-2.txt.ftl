Dear ${attendingSalutation},

A short, friendly reminder about the letter of recommendation for ${studentName} (${rotationSpecialtyLower}, ${site}, ${rotationMonth}). The deadline is ${deadline}<#if plannedSubmit?has_content>, and ${studentName} plans to submit their ERAS application on ${plannedSubmit}</#if>.

The kit is here: ${kitUrl}
If you have already uploaded the letter, or would like a reminder on another day, the kit page has a button for each.
<#if confirmUrl??>To confirm you will write it: ${confirmUrl}</#if>

Thank you for your time,
${studentName}
(sent through ${agencyName})
