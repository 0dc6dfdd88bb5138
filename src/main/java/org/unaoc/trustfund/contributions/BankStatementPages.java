package org.unaoc.trustfund.contributions;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/** Upload a bank statement (camt.053 or CSV), review what each credit was matched to, assign what was not. */
@WebPage
class BankStatementPages {

    private final BankStatements statements;
    private final ReceiptViews receipts;

    BankStatementPages(BankStatements statements, ReceiptViews receipts) {
        this.statements = statements;
        this.receipts = receipts;
    }

    @GetMapping("/bank-statements")
    String page(Model model) {
        model.addAttribute("statements", statements.list().reversed());
        return "contributions/bank-statements";
    }

    @GetMapping("/bank-statements/{id}")
    String statement(@PathVariable long id, Model model) {
        model.addAttribute("statement", statements.list().stream().filter(s -> Long.valueOf(id).equals(s.get("id")))
                .findFirst().orElseThrow(() -> Problem.notFound("Bank statement " + id)));
        model.addAttribute("receipts", receipts.list(null, id));
        return "contributions/bank-statement";
    }

    @PostMapping("/bank-statements")
    String upload(@RequestParam(required = false) @Nullable MultipartFile file, @RequestParam(required = false) @Nullable String account,
                  @RequestParam(required = false) @Nullable String reference, @RequestParam(required = false) @Nullable String opening,
                  @RequestParam(required = false) @Nullable String closing, Principal user, Model model,
                  HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty()) {
                throw Problem.invalidField("file", "is missing: choose the camt.053 (XML) or CSV file of the bank statement");
            }
            byte[] content = file.getBytes();
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
            BankStatements.Imported imported = name.endsWith(".csv")
                    ? statements.importCsv(content, new BankStatements.CsvParameters(account, reference,
                    opening == null || opening.isBlank() ? null : Forms.amount(opening, "opening"),
                    closing == null || closing.isBlank() ? null : Forms.amount(closing, "closing")), user.getName())
                    : statements.importXml(content, user.getName());
            model.addAttribute("imported", imported);
        } catch (IOException | RuntimeException refused) {
            Refusal refusal = Refusal.of(refused instanceof RuntimeException r ? r : new IllegalStateException(refused), Map.of());
            response.setStatus(refusal.status());
            model.addAttribute("refusal", refusal);
            model.addAttribute("account", account);
            model.addAttribute("reference", reference);
            model.addAttribute("opening", opening);
            model.addAttribute("closing", closing);
        }
        return page(model);
    }
}
