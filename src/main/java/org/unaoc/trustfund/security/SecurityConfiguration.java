package org.unaoc.trustfund.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.system.Problems;
import tools.jackson.databind.json.JsonMapper;

/** HTTP Basic on the API, the role matrix of {@link AccessRules}, and problems for 401 and 403. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(Users users, PasswordEncoder passwords, LoginFailures failures,
                                                AuthenticationEventPublisher events) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(new VerifiedCredentials(bcrypt, Duration.ofMinutes(5),
                Clock.systemUTC(), failures));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /**
     * The API: HTTP Basic, no session of its own. A logged-in browser's session is read too (for the
     * downloads the pages link to), and then a write needs the page's CSRF token.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, JsonMapper json) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authenticationManager(authentication)
                .csrf(csrf -> csrf.csrfTokenRepository(WebPagesSecurity.CSRF_TOKENS)
                        .requireCsrfProtectionMatcher(WebPagesSecurity::isBrowserWrite))
                .securityContext(context -> context.securityContextRepository(new SessionReader()))
                .headers(headers -> headers.frameOptions(frames -> frames.sameOrigin()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName("Trust Fund Ledger").authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof InternalAuthenticationServiceException) {
                        // the users could not be read: the database is down, not the credentials wrong
                        write(response, json, Problems.databaseUnavailable());
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Trust Fund Ledger\"");
                    write(response, json, e instanceof LockedException
                            ? new Problem(HttpStatus.UNAUTHORIZED, "account-locked", "Account locked",
                                    "Too many failed logins: this user is locked for 15 minutes.")
                            : new Problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                                    "Log in: send HTTP Basic credentials of a user of the fund."));
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        write(response, json, new Problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                "Your role does not allow this request; ask the fund's administrator if you need it."))))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        requests.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(rule.authorities());
                    }
                    requests.requestMatchers("/api/**").authenticated();
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    private static void write(HttpServletResponse response, JsonMapper json, Problem problem) throws IOException {
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem.toProblemDetail()));
    }
}
