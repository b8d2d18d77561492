package io.github.junitmailassert.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot shop whose only job here is to send order confirmations. */
@SpringBootApplication
public class ShopApplication {}
