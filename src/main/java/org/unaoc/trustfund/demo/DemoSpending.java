package org.unaoc.trustfund.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.spending.Allotments;
import org.unaoc.trustfund.spending.BudgetComponents;
import org.unaoc.trustfund.spending.ExpenditurePayments;
import org.unaoc.trustfund.spending.ObjectClass;
import org.unaoc.trustfund.spending.Spending;

/**
 * The uses side of the demo: cost plans for 2006 and 2007, allotments, and the spending of the
 * High-Level Group (its meetings in Palma de Mallorca, Doha, Dakar and Istanbul), the research
 * staff and the secretariat, each with its programme support cost.
 */
@Component
class DemoSpending {

    private static final String MAKER = "finance";
    private static final String CHECKER = "approver";

    private final BudgetComponents components;
    private final Spending spending;
    private final Approvals approvals;
    private final Allotments allotments;
    private final ExpenditurePayments expenditurePayments;

    DemoSpending(BudgetComponents components, Spending spending, Approvals approvals, Allotments allotments,
                 ExpenditurePayments expenditurePayments) {
        this.expenditurePayments = expenditurePayments;
        this.components = components;
        this.spending = spending;
        this.approvals = approvals;
        this.allotments = allotments;
    }

    void load() {
        plan(2006, "HLG", "MEETINGS", "900000.00", "TRAVEL", "450000.00");
        plan(2006, "RESEARCH", "STAFF", "600000.00", "CONTRACTUAL", "250000.00");
        plan(2006, "SECRETARIAT", "STAFF", "420000.00", "OPERATING", "120000.00");
        plan(2007, "HLG", "MEETINGS", "300000.00", "TRAVEL", "150000.00");
        plan(2007, "RESEARCH", "STAFF", "400000.00", "CONTRACTUAL", "100000.00");
        plan(2007, "SECRETARIAT", "STAFF", "450000.00", "OPERATING", "130000.00");
        // the programme of action after the Group's term: what must still be funded
        plan(2008, "HLG", "MEETINGS", "600000.00", "TRAVEL", "250000.00");
        plan(2008, "RESEARCH", "STAFF", "1400000.00", "CONTRACTUAL", "900000.00");
        plan(2008, "SECRETARIAT", "STAFF", "950000.00", "OPERATING", "300000.00");
        plan(2009, "RESEARCH", "STAFF", "1500000.00", "CONTRACTUAL", "1000000.00");
        plan(2009, "SECRETARIAT", "STAFF", "1000000.00", "OPERATING", "320000.00");
        for (String component : List.of("HLG", "RESEARCH", "SECRETARIAT")) {
            var pending = approvals.request(allotments, new Allotments.Request(component, 2006,
                    Money.usd(component.equals("HLG") ? "1350000.00" : component.equals("RESEARCH") ? "850000.00" : "540000.00")),
                    MAKER);
            approvals.approve(Long.parseLong(pending.approval()), CHECKER);
        }

        spend("HLG", ObjectClass.MEETINGS, "2005-11-28", "185000.00", "Palma de Mallorca conference services",
                "First meeting of the High-Level Group, Palma de Mallorca");
        spend("HLG", ObjectClass.TRAVEL, "2005-11-30", "96400.00", "UN travel unit", "Travel of the Group's members to Palma");
        var doha = spending.obligate(commitment("HLG", ObjectClass.MEETINGS, "2006-01-20", "240000.00",
                "Doha conference centre", "Second meeting of the High-Level Group, Doha"), MAKER);
        spend("HLG", ObjectClass.MEETINGS, "2006-02-28", "232500.00", "Doha conference centre",
                "Second meeting of the High-Level Group, Doha", doha.id());
        spend("HLG", ObjectClass.TRAVEL, "2006-02-28", "118300.00", "UN travel unit", "Travel of the Group's members to Doha");
        spend("HLG", ObjectClass.MEETINGS, "2006-05-31", "176000.00", "Dakar conference services",
                "Third meeting of the High-Level Group, Dakar");
        spend("HLG", ObjectClass.TRAVEL, "2006-05-31", "104750.00", "UN travel unit", "Travel of the Group's members to Dakar");
        for (int month = 3; month <= 11; month++) {
            LocalDate end = LocalDate.of(2006, month, 1).plusMonths(1).minusDays(1);
            spend("RESEARCH", ObjectClass.STAFF, end.toString(), "48500.00", "Research staff payroll",
                    "Research staff salaries, " + end.getMonth().name().toLowerCase() + " 2006");
            spend("SECRETARIAT", ObjectClass.STAFF, end.toString(), "31200.00", "Secretariat payroll",
                    "Secretariat salaries, " + end.getMonth().name().toLowerCase() + " 2006");
            spend("SECRETARIAT", ObjectClass.OPERATING, end.toString(), "7800.00", "UNOG facilities",
                    "Office space and communications, " + end.getMonth().name().toLowerCase() + " 2006");
        }
        spend("RESEARCH", ObjectClass.CONTRACTUAL, "2006-09-15", "150000.00", "Institute for Comparative Research",
                "Research study on the roots of polarisation");
        spend("HLG", ObjectClass.MEETINGS, "2006-11-13", "212000.00", "Istanbul congress centre",
                "Fourth meeting and presentation of the report, Istanbul");
        spend("HLG", ObjectClass.TRAVEL, "2006-11-13", "121900.00", "UN travel unit", "Travel of the Group's members to Istanbul");
        spending.obligate(commitment("RESEARCH", ObjectClass.CONTRACTUAL, "2007-03-01", "85000.00",
                "Translation and publishing services", "Report of the High-Level Group in six languages"), MAKER);
        for (int month = 1; month <= 6; month++) {
            LocalDate end = LocalDate.of(2007, month, 1).plusMonths(1).minusDays(1);
            spend("SECRETARIAT", ObjectClass.STAFF, end.toString(), "36400.00", "Secretariat payroll",
                    "Secretariat salaries, " + end.getMonth().name().toLowerCase() + " 2007");
            spend("SECRETARIAT", ObjectClass.OPERATING, end.toString(), "9100.00", "UNOG facilities",
                    "Office space and communications, " + end.getMonth().name().toLowerCase() + " 2007");
        }
    }

    private void plan(int year, String component, String firstClass, String first, String secondClass, String second) {
        components.plan(new BudgetComponents.CostPlan(component, year, List.of(
                new BudgetComponents.Line(ObjectClass.valueOf(firstClass), new BigDecimal(first)),
                new BudgetComponents.Line(ObjectClass.valueOf(secondClass), new BigDecimal(second)))), MAKER);
    }

    private void spend(String component, ObjectClass objectClass, String date, String amount, String payee, String description) {
        spend(component, objectClass, date, amount, payee, description, null);
    }

    private void spend(String component, ObjectClass objectClass, String date, String amount, String payee, String description,
                       Long obligation) {
        var pending = approvals.request(expenditurePayments, new Spending.Commitment(component, objectClass, Money.usd(amount),
                LocalDate.parse(date), payee, description, obligation), MAKER);
        approvals.approve(Long.parseLong(pending.approval()), CHECKER);
    }

    private static Spending.Commitment commitment(String component, ObjectClass objectClass, String date, String amount,
                                                  String payee, String description) {
        return new Spending.Commitment(component, objectClass, Money.usd(amount), LocalDate.parse(date), payee, description, null);
    }
}
