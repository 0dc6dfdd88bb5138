package org.unaoc.trustfund.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.system.Problems;

/** HTTP Basic on the API, the role matrix of {@link AccessRules}, and problems for 401 and 403. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(Users users, PasswordEncoder passwords, AuthenticationEventPublisher events) {
        ProviderManager manager = new ProviderManager(new VerifiedCredentials(users, passwords, Duration.ofMinutes(5),
                Clock.systemUTC(), new LoginFailures(Clock.systemUTC())));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /**
     * The API: HTTP Basic, no session of its own. A logged-in browser's session is read too (for the
     * downloads the pages link to), and then a write needs the page's CSRF token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/**", "/swagger-ui/**", "/swagger-ui.html")
                .authenticationManager(authentication)
                .csrf(csrf -> csrf.csrfTokenRepository(WebPagesSecurity.CSRF_TOKENS)
                        .requireCsrfProtectionMatcher(WebPagesSecurity::isBrowserWrite))
                .securityContext(context -> context.securityContextRepository(new SessionReader()))
                .headers(headers -> headers.frameOptions(frames -> frames.sameOrigin()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("Trust Fund Ledger").authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof InternalAuthenticationServiceException) {
                        // the users could not be read: the database is down, not the credentials wrong
                        problems.write(response, Problems.databaseUnavailable());
                        return;
                    }
                    RefusalAudit.note(request, e instanceof LockedException ? "locked" : "unauthenticated");
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Trust Fund Ledger\"");
                    problems.write(response, e instanceof LockedException
                            ? new Problem(HttpStatus.UNAUTHORIZED, "account-locked", "Account locked",
                                    "Too many failed logins from this address: this user is locked here for 15 minutes. "
                                    + "From elsewhere, or after that, the right password works.")
                            : new Problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                                    "Log in: send HTTP Basic credentials of a user of the fund."));
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
                    RefusalAudit.note(request, RefusalAudit.why(e));
                    problems.write(response, e instanceof CsrfException
                            ? new Problem(HttpStatus.FORBIDDEN, "csrf-token-missing", "CSRF token missing",
                                    "A write from a browser session needs the page's CSRF token; reload the page and try again.")
                            : new Problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                    "Your role does not allow this request; ask the fund's administrator if you need it."));
                }))
                .addFilterBefore(new UnlistedRequests(AccessRules.api(), problems), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/error").permitAll(); // the error dispatch of any method
                    decide(requests, AccessRules.api());
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }

    /** The rules in order, each for its methods (HEAD as GET); a rule without roles is open to anyone. */
    static void decide(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
                       List<AccessRules.Rule> rules) {
        for (AccessRules.Rule rule : rules) {
            for (HttpMethod method : rule.methods()) {
                var matcher = requests.requestMatchers(method, rule.pattern());
                if (rule.roles().isEmpty()) {
                    matcher.permitAll();
                } else {
                    matcher.hasAnyRole(rule.authorities());
                }
            }
        }
    }
}
