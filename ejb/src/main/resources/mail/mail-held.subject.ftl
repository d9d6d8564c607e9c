LorKit's mail relay is refusing mail for ${agencyName}
