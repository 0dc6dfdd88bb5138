package org.unaoc.trustfund.security;

/** The roles of SPEC.md §1. */
public enum Role {
    FINANCE_OFFICER, APPROVER, CO_SPONSOR, DONOR, AUDITOR, REPORT_AUTHOR, ADMIN
}
