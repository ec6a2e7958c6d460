package org.agora.programmes;

/** What people came to a cyber-centre for, as the yearly report counts it (anything else goes in "other"). */
enum CentreTheme {
    ONLINE_PROCEDURES, EMAIL_AND_ACCOUNTS, DEVICE_BASICS, JOB_SEARCH, ONLINE_SAFETY, CITIZEN_PARTICIPATION, OFFICE_TOOLS
}
