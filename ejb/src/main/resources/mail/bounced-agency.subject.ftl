Kit email bounced: ${attendingName} (student ${studentName})
