/**
 * Member profiles: what others see of a member, and the member's own profile settings.
 */
package com.rapport.portal.member;
