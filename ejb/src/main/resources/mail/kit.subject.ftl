Letter of recommendation request – ${studentName}, ${rotationSpecialty} ${rotationMonth}
