package org.unaoc.trustfund.demo;

/**
 * UN operational rates of exchange for the demo years (currency units per USD, effective from the
 * first of the month), close to those published for 2005–2007.
 */
final class DemoRates {

    static final String CSV = """
            currency,effectiveFrom,rate
            EUR,2005-07-01,0.826
            EUR,2005-08-01,0.818
            EUR,2005-09-01,0.806
            EUR,2005-10-01,0.829
            EUR,2005-11-01,0.836
            EUR,2005-12-01,0.852
            EUR,2006-01-01,0.845
            EUR,2006-02-01,0.826
            EUR,2006-03-01,0.800
            EUR,2006-04-01,0.824
            EUR,2006-05-01,0.792
            EUR,2006-06-01,0.773
            EUR,2006-07-01,0.781
            EUR,2006-08-01,0.781
            EUR,2006-09-01,0.780
            EUR,2006-10-01,0.800
            EUR,2006-11-01,0.782
            EUR,2006-12-01,0.756
            EUR,2007-01-01,0.758
            EUR,2007-02-01,0.775
            EUR,2007-03-01,0.760
            EUR,2007-04-01,0.750
            EUR,2007-05-01,0.734
            EUR,2007-06-01,0.742
            EUR,2007-07-01,0.743
            EUR,2007-08-01,0.727
            EUR,2007-09-01,0.733
            EUR,2007-10-01,0.710
            EUR,2007-11-01,0.693
            EUR,2007-12-01,0.676
            GBP,2007-01-01,0.512
            GBP,2007-03-01,0.510
            GBP,2007-05-01,0.503
            GBP,2007-07-01,0.497
            GBP,2007-10-01,0.491
            GBP,2007-12-01,0.485
            """;

    private DemoRates() {
    }
}
