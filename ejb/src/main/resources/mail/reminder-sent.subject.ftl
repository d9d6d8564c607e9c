A reminder went to ${attendingName}
