package org.unaoc.trustfund.contributions;

import java.util.List;

/** camt.053 files written for the tests, in version 001.02 or 001.08. */
final class Camt {

    record Entry(String amount, String side, String status, String date, String reference, String payer, String payerIban,
                 String remittance) {
    }

    static Entry credit(String amount, String date, String reference, String payer, String iban, String remittance) {
        return new Entry(amount, "CRDT", "BOOK", date, reference, payer, iban, remittance);
    }

    static String statement(String version, String id, String iban, String currency, String opening, String closing,
                            List<Entry> entries) {
        boolean v8 = version.equals("08");
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.%s">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%s</MsgId><CreDtTm>2006-08-01T06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>%s</Id>
                      <ElctrncSeqNb>1</ElctrncSeqNb>
                      <CreDtTm>2006-08-01T06:00:00</CreDtTm>
                      <Acct><Id><IBAN>%s</IBAN></Id><Ccy>%s</Ccy></Acct>
                """.formatted(version, id, id, iban, currency));
        xml.append(balance("OPBD", opening, currency)).append(balance("CLBD", closing, currency));
        for (Entry e : entries) {
            xml.append("""
                          <Ntry>
                            <Amt Ccy="%s">%s</Amt>
                            <CdtDbtInd>%s</CdtDbtInd>
                            %s
                            <BookgDt><Dt>%s</Dt></BookgDt>
                            <ValDt><Dt>%s</Dt></ValDt>
                            <AcctSvcrRef>%s</AcctSvcrRef>
                            <BkTxCd><Domn><Cd>PMNT</Cd></Domn></BkTxCd>
                            <NtryDtls><TxDtls>
                              <Refs><EndToEndId>E2E-%s</EndToEndId></Refs>
                              <RltdPties>
                                <Dbtr>%s</Dbtr>
                                <DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct>
                              </RltdPties>
                              <RmtInf><Ustrd>%s</Ustrd></RmtInf>
                            </TxDtls></NtryDtls>
                          </Ntry>
                    """.formatted(currency, e.amount(), e.side(), v8 ? "<Sts><Cd>" + e.status() + "</Cd></Sts>" : "<Sts>" + e.status() + "</Sts>",
                    e.date(), e.date(), e.reference(), e.reference(),
                    v8 ? "<Pty><Nm>" + e.payer() + "</Nm></Pty>" : "<Nm>" + e.payer() + "</Nm>", e.payerIban(), e.remittance()));
        }
        return xml.append("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n").toString();
    }

    private static String balance(String type, String amount, String currency) {
        boolean negative = amount.startsWith("-");
        return """
                      <Bal><Tp><CdOrPrtry><Cd>%s</Cd></CdOrPrtry></Tp><Amt Ccy="%s">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Dt><Dt>2006-07-31</Dt></Dt></Bal>
                """.formatted(type, currency, negative ? amount.substring(1) : amount, negative ? "DBIT" : "CRDT");
    }
}
