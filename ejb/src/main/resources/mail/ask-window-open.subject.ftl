Your rotation at ${site} ${ends}: ${when} is the time to ask ${writerName}
