Hello ${studentName},

${attendingName} said they cannot write a strong letter. Thank them, and ask another writer.
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
