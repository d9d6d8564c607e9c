${attendingName} reports your letter uploaded: check ERAS
