package org.unaoc.trustfund.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/** A controller of web pages (Thymeleaf templates): gets the layout's model from {@link PageModel}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Controller
public @interface WebPage {
    @AliasFor(annotation = Controller.class)
    String value() default "";
}
