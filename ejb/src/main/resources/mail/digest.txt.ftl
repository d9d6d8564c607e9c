Good morning, ${name}.

Here is what happened at ${agencyName} on ${dayLong}, and what is still waiting.
<#list sections as section>

${section.title} (${section.count})
<#list section.lines as line>
- ${line}
</#list>
<#if section.more?has_content>
${section.more}
</#if>
</#list>

See who is at risk on the dashboard: ${baseUrl}/agency/dashboard.xhtml

You get this email each morning as one of ${agencyName}'s staff. To stop it, untick "Send me the daily digest" on your email settings page: ${baseUrl}/agency/my-settings.xhtml

LorKit
