The kit email to ${attendingName} bounced
