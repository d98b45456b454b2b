package com.rapport.portal.demo;

import com.rapport.community.member.MemberService;
import com.rapport.community.member.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first staff account of a fresh install from {@code rapport.first-staff.*}
 * properties (or the {@code RAPPORT_FIRST_STAFF_*} environment variables), once: when a
 * staff member exists already it does nothing, so the settings can stay in place.
 */
@Component
@Order(0)
class FirstStaffAccount implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStaffAccount.class);

	private final MemberService members;

	private final String username;

	private final String email;

	private final String password;

	FirstStaffAccount(MemberService members, @Value("${rapport.first-staff.username:}") String username,
			@Value("${rapport.first-staff.email:}") String email,
			@Value("${rapport.first-staff.password:}") String password) {
		this.members = members;
		this.username = username;
		this.email = email;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(this.username) || !StringUtils.hasText(this.email)
				|| !StringUtils.hasText(this.password)) {
			return;
		}
		if (this.members.createFirstStaffIfNone(new Registration(this.username, this.email, this.password))) {
			log.info("First staff account '{}' created", this.username);
		}
	}

}
