package org.lorkit.domain.rotation;

public enum ClinicalSetting {
    INPATIENT, OUTPATIENT
}
