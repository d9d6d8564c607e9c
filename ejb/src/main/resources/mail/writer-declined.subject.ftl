${attendingName} cannot write a strong letter
