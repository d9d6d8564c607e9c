${agencyName}: a note about your letters of recommendation
