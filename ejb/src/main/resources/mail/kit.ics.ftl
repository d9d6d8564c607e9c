<#-- RFC 5545 text: backslash, semicolon and comma are escaped; LetterMails turns line ends into CRLF. -->
<#function ics text>
  <#return text?replace("\\", "\\\\")?replace(";", "\\;")?replace(",", "\\,")?replace("\n", "\\n")>
</#function>
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//LorKit//Letter kit//EN
METHOD:PUBLISH
BEGIN:VEVENT
UID:${requestUid}
DTSTAMP:${deadlineIcs}T000000Z
DTSTART;VALUE=DATE:${deadlineIcs}
DTEND;VALUE=DATE:${deadlineIcsEnd}
SUMMARY:${ics("Letter of recommendation for " + studentName + " due")}
DESCRIPTION:${ics("Upload through the link AAMC emails you. The kit: " + kitUrl!"")}
END:VEVENT
END:VCALENDAR
