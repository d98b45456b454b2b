/**
 * Members and their accounts: registration, email verification, password reset, roles and
 * login throttling.
 */
package com.rapport.community.member;
