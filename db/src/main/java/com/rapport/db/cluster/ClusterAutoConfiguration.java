package com.rapport.db.cluster;

import javax.sql.DataSource;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The node's name, the {@link ClusterLock} and the advice that makes {@link RunOnce}
 * methods run on one node.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class ClusterAutoConfiguration {

	@Bean
	ClusterNode clusterNode(@Value("${rapport.node.name:}") String name) {
		return new ClusterNode(name);
	}

	@Bean
	ClusterLock clusterLock(DataSource dataSource, ClusterNode node) {
		return new ClusterLock(dataSource, node);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor runOnceAdvisor(@Lazy ClusterLock lock, Environment environment) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				AnnotationMatchingPointcut.forMethodAnnotation(RunOnce.class),
				new RunOnceInterceptor(lock, environment));
		// outside the job's own transaction, so the claim is committed before the work
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

}
