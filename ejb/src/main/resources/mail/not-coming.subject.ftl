${attendingName}'s letter is not coming: ask another writer
