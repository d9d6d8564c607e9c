An email of ${agencyName} could not be delivered
