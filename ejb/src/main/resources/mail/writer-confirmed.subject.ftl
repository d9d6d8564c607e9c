${attendingName} will write your letter
