package org.unaoc.trustfund;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TrustFundLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrustFundLedgerApplication.class, args);
    }
}
