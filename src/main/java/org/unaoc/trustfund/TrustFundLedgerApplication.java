package org.unaoc.trustfund;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class TrustFundLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrustFundLedgerApplication.class, args);
    }
}
