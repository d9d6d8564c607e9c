Hello ${studentName},

Two reminders later there is still no letter from ${attendingName}: assume it is not coming and ask another writer today.
<#if nextWriters?has_content>
Next best writers from your rotations:
<#list nextWriters as writer>
- ${writer}
</#list>
<#else>
Every attending from your rotations has been asked: talk to your agency about another rotation or writer.
</#if>

See your letters: ${portalUrl}

${agencyName}
