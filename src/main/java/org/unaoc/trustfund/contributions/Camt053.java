package org.unaoc.trustfund.contributions;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.system.DecimalLimits;
import org.unaoc.trustfund.system.Problem;

/**
 * Reads ISO 20022 camt.053 bank-to-customer statements, versions 001.02 and 001.08, with a
 * streaming parser that refuses any DOCTYPE (so no external entity is ever resolved) and has
 * limits on entries and text.
 */
final class Camt053 {

    static final int MAX_ENTRIES = 200_000;
    private static final int MAX_TEXT = 10_000;

    private Camt053() {
    }

    static ParsedStatement parse(byte[] xml) {
        try {
            XMLStreamReader reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            return new Reading(reader).read();
        } catch (XMLStreamException e) {
            throw Problem.invalid("The camt.053 file is not well-formed XML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()) + "). Nothing was imported.");
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /** One pass over the document, tracking the element path. */
    private static final class Reading {
        private final XMLStreamReader reader;
        private final Deque<String> path = new ArrayDeque<>();
        private final List<ParsedStatement.Line> lines = new ArrayList<>();
        private String version;
        private String statementId;
        private String iban;
        private String currency;
        private BigDecimal opening;
        private BigDecimal closing;
        private LocalDate from;
        private LocalDate to;
        // the balance being read
        private String balanceType;
        private BigDecimal balanceAmount;
        private boolean balanceDebit;
        // the entry being read
        private Entry entry;

        Reading(XMLStreamReader reader) {
            this.reader = reader;
        }

        private static final class Entry {
            BigDecimal amount;
            String currency;
            boolean debit;
            String status;
            LocalDate booked;
            LocalDate value;
            String servicerReference;
            String entryReference;
            String endToEnd;
            String payerName;
            String payerIban;
            StringBuilder remittance = new StringBuilder();
        }

        ParsedStatement read() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw Problem.invalid("The file has a DOCTYPE or an entity reference: camt.053 files have neither, "
                            + "and they are refused for safety. Nothing was imported.");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end();
                } else if (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace()) {
                    text(reader.getText().strip());
                }
            }
            return statement();
        }

        private void start() {
            String name = reader.getLocalName();
            if (path.isEmpty()) {
                String namespace = String.valueOf(reader.getNamespaceURI());
                if (!name.equals("Document") || !(namespace.endsWith("camt.053.001.02") || namespace.endsWith("camt.053.001.08"))) {
                    throw Problem.invalid("This is not a camt.053 statement of version 001.02 or 001.08 (namespace "
                            + namespace + "). Nothing was imported.");
                }
                version = namespace.substring(namespace.length() - 6);
            }
            path.push(name);
            if (name.equals("Stmt") && statementId != null) {
                throw Problem.invalid("The file holds more than one statement; import one statement a file.");
            }
            if (name.equals("Ntry")) {
                if (lines.size() >= MAX_ENTRIES) {
                    throw Problem.invalid("The statement has more than " + MAX_ENTRIES + " entries; split it.");
                }
                entry = new Entry();
            }
            if (name.equals("Bal")) {
                balanceType = null;
                balanceAmount = null;
                balanceDebit = false;
            }
            if (name.equals("Amt")) {
                String ccy = reader.getAttributeValue(null, "Ccy");
                if (entry != null && inside("Ntry") && !inside("TxDtls")) {
                    entry.currency = ccy;
                }
            }
        }

        private void end() {
            String name = path.pop();
            if (name.equals("Bal") && balanceType != null && balanceAmount != null) {
                BigDecimal value = balanceDebit ? balanceAmount.negate() : balanceAmount;
                if (balanceType.equals("OPBD") || balanceType.equals("PRCD")) {
                    opening = opening == null ? value : opening;
                } else if (balanceType.equals("CLBD")) {
                    closing = value;
                }
            }
            if (name.equals("Ntry")) {
                lines.add(line(entry, lines.size() + 1));
                entry = null;
            }
        }

        private void text(String text) {
            if (text.length() > MAX_TEXT) {
                throw Problem.invalid("A text in the file is longer than " + MAX_TEXT + " characters. Nothing was imported.");
            }
            String name = path.peek();
            if (entry != null) {
                entryText(name, text);
                return;
            }
            if (inside("Bal")) {
                switch (name) {
                    case "Cd" -> balanceType = text;
                    case "Amt" -> balanceAmount = decimal(text, "balance");
                    case "CdtDbtInd" -> balanceDebit = text.equals("DBIT");
                    default -> { }
                }
                return;
            }
            switch (name) {
                case "Id" -> {
                    if (parent().equals("Stmt")) {
                        statementId = text;
                    }
                }
                case "IBAN" -> {
                    if (inside("Acct")) {
                        iban = text;
                    }
                }
                case "Ccy" -> {
                    if (inside("Acct")) {
                        currency = text;
                    }
                }
                case "FrDtTm" -> from = date(text.substring(0, Math.min(10, text.length())), "FrDtTm");
                case "ToDtTm" -> to = date(text.substring(0, Math.min(10, text.length())), "ToDtTm");
                default -> { }
            }
        }

        private void entryText(String name, String text) {
            boolean details = inside("NtryDtls");
            switch (name) {
                case "Amt" -> {
                    if (!details) {
                        entry.amount = decimal(text, "entry " + (lines.size() + 1));
                    }
                }
                case "CdtDbtInd" -> {
                    if (!details) {
                        entry.debit = text.equals("DBIT");
                    }
                }
                case "Sts", "Cd" -> {
                    if (inside("Sts")) {
                        entry.status = text;
                    }
                }
                case "Dt", "DtTm" -> {
                    LocalDate date = date(text.substring(0, Math.min(10, text.length())), "entry date");
                    if (inside("BookgDt")) {
                        entry.booked = date;
                    } else if (inside("ValDt")) {
                        entry.value = date;
                    }
                }
                case "AcctSvcrRef" -> {
                    if (!details) {
                        entry.servicerReference = text;
                    }
                }
                case "NtryRef" -> entry.entryReference = text;
                case "EndToEndId" -> entry.endToEnd = entry.endToEnd == null ? text : entry.endToEnd;
                case "Nm" -> {
                    if (inside("Dbtr") && entry.payerName == null) {
                        entry.payerName = text;
                    }
                }
                case "IBAN" -> {
                    if (inside("DbtrAcct") && entry.payerIban == null) {
                        entry.payerIban = text;
                    }
                }
                case "Ustrd" -> entry.remittance.append(entry.remittance.isEmpty() ? "" : " ").append(text);
                default -> { }
            }
        }

        private ParsedStatement.Line line(Entry e, int number) {
            if (e.amount == null || e.currency == null || (e.booked == null && e.value == null)) {
                throw Problem.invalid("Entry " + number + " of the statement lacks its amount, currency or date. Nothing was imported.");
            }
            String reference = e.servicerReference != null ? e.servicerReference
                    : e.entryReference != null ? e.entryReference : e.endToEnd;
            return new ParsedStatement.Line(number, e.debit ? e.amount.negate() : e.amount, e.currency,
                    "BOOK".equals(e.status), e.booked != null ? e.booked : e.value, reference, e.payerName,
                    e.payerIban, e.remittance.isEmpty() ? null : e.remittance.toString());
        }

        private ParsedStatement statement() {
            if (statementId == null || currency == null || opening == null || closing == null) {
                throw Problem.invalid("The statement lacks its id, account currency, opening (OPBD) or closing (CLBD) balance. "
                        + "Nothing was imported.");
            }
            return new ParsedStatement("camt.053." + version, iban, currency, statementId, opening, closing, from, to, lines);
        }

        private boolean inside(String element) {
            return path.contains(element);
        }

        private String parent() {
            var iterator = path.iterator();
            iterator.next();
            return iterator.hasNext() ? iterator.next() : "";
        }

        private static BigDecimal decimal(String text, String what) {
            try {
                return DecimalLimits.checked(new BigDecimal(text), "the amount of the " + what);
            } catch (NumberFormatException e) {
                throw Problem.invalid("The amount '" + text + "' of the " + what + " is not a decimal. Nothing was imported.");
            }
        }

        private static @Nullable LocalDate date(String text, String what) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw Problem.invalid("The " + what + " '" + text + "' is not a date. Nothing was imported.");
            }
        }
    }
}
