package com.rapport.portal.demo;

import java.util.List;
import java.util.Map;

import com.rapport.community.category.Access;
import com.rapport.portal.demo.DemoData.DemoCategory;
import com.rapport.portal.demo.DemoData.DemoIdea;
import com.rapport.portal.demo.DemoData.DemoTopic;

/**
 * The words of the demo brand's community.
 */
final class DemoContent {

	static final List<String> MEMBERS = List.of("alex_hikes", "maria_trails", "jonas_peak", "li_wei", "zhang_min",
			"wang_fang", "chen_jie", "olga_k", "dmitry_s", "anna_v", "ivan_petrov", "sofia_camp", "tom_ridge",
			"emma_north", "lucas_river", "mia_summit", "noah_woods", "ava_lake", "liu_yang", "zhao_lei", "sergey_m",
			"natasha_r", "pavel_t", "kate_outdoor", "ben_climbs", "lena_trek", "yuki_trail", "omar_dunes", "grace_alps",
			"felix_fjord");

	static final List<DemoCategory> CATEGORIES = List.of(new DemoCategory("announcements", "Announcements",
			"News from the Northwind team. Only staff start topics here.", "#b54708", Access.ANYONE, Access.STAFF),
			new DemoCategory("tents", "Tents & shelters", "Pitching, sealing, repairing and choosing tents and tarps.",
					"#2f6f4f", Access.ANYONE, Access.MEMBER),
			new DemoCategory("backpacks", "Backpacks", "Fit, load and care of packs from day bags to expedition packs.",
					"#1f6feb", Access.ANYONE, Access.MEMBER),
			new DemoCategory("clothing", "Clothing & footwear", "Layers, waterproofs, boots and sizing questions.",
					"#8250df", Access.ANYONE, Access.MEMBER),
			new DemoCategory("zh", "中文社区", "用中文讨论装备、路线和售后服务。", "#cf222e", Access.ANYONE, Access.MEMBER),
			new DemoCategory("ru", "Русскоязычный форум", "Обсуждаем снаряжение, маршруты и сервис на русском.",
					"#0969da", Access.ANYONE, Access.MEMBER),
			new DemoCategory("team-lounge", "Team lounge", "Private to moderators and staff of Northwind.", "#57606a",
					Access.MODERATOR, Access.MODERATOR));

	static final List<DemoTopic> TOPICS = List.of(
			new DemoTopic("announcements", "staff", "Welcome to the Northwind Outfitters community",
					"Hello and welcome! This is the place to ask about **our gear**, share trip reports and tell us "
							+ "what we can do better.\n\n* Be kind\n* Search before you ask\n* Mark the reply that "
							+ "solved your question",
					List.<String[]>of(
							new String[] { "alex_hikes", "Great to have a forum at last. See you on the trails!" },
							new String[] { "li_wei", "欢迎！很高兴能在这里交流。" })),
			new DemoTopic("tents", "maria_trails", "Trailhead 2 tent leaks at the seams after one season",
					"My Trailhead 2 started leaking along the fly seams during a storm last weekend. "
							+ "Is this covered by the warranty, or should I re-seal the seams myself?",
					List.<String[]>of(
							new String[] { "tom_ridge",
									"Seam sealer (the silicone kind) fixed the same problem on mine in 20 minutes." },
							new String[] { "moderator",
									"The fly seams are covered for two years: open a warranty request and attach a photo." },
							new String[] { "maria_trails", "Thanks, request sent. I'll report back." })),
			new DemoTopic("tents", "jonas_peak", "Best way to pitch a tent in strong wind?",
					"Heading to the coast next month. Any tips for pitching the **Storm Dome** in 50 km/h gusts?",
					List.<String[]>of(
							new String[] { "emma_north",
									"Pitch with the narrow end into the wind and peg that end first." },
							new String[] { "felix_fjord",
									"Use all the guy lines, and double-peg the windward corners." })),
			new DemoTopic("zh", "zhang_min", "帐篷防水性能怎么样？下雨天会不会漏水",
					"我想买一顶双人帐篷用于夏季露营，请问 Trailhead 2 帐篷在大雨中的防水性能怎么样？有没有人用过？",
					List.<String[]>of(new String[] { "wang_fang", "我用了一年，暴雨中也没有漏水，帐篷质量很好。" },
							new String[] { "chen_jie", "记得搭帐篷时把外帐拉紧，这样雨水不会积在上面。" },
							new String[] { "liu_yang", "同意楼上，另外地布也很重要。" })),
			new DemoTopic("zh", "zhao_lei", "背包肩带断了，怎么申请售后？", "我的背包用了三个月肩带就断了，非常失望。请问售后流程是什么？",
					List.<String[]>of(new String[] { "staff", "很抱歉给您带来不便！请在订单页面提交保修申请，我们会尽快处理。" })),
			new DemoTopic("ru", "olga_k", "Палатка протекает после первого дождя — что делать?",
					"Купила палатку Trailhead 2 месяц назад, и в первый же дождь она протекла по швам. "
							+ "Это гарантийный случай?",
					List.<String[]>of(
							new String[] { "dmitry_s",
									"У меня было так же: проклеил швы герметиком, теперь всё отлично." },
							new String[] { "moderator",
									"Да, швы тента покрываются гарантией два года. Оформите заявку с фото." })),
			new DemoTopic("ru", "ivan_petrov", "Какой рюкзак выбрать для похода на неделю?",
					"Планирую поход по Карелии на 7 дней. Между моделями на 55 и 65 литров — что посоветуете?",
					List.<String[]>of(new String[] { "anna_v", "Бери 65 литров, если еда на всю неделю с собой." },
							new String[] { "sergey_m", "Главное — правильно подогнать спинку по росту." })),
			new DemoTopic("backpacks", "ben_climbs", "Hip belt too loose on the Ridge 45 — size swap?",
					"I'm between sizes and the hip belt on the medium Ridge 45 is already at its tightest. "
							+ "Can I swap just the belt?",
					List.<String[]>of(new String[] { "kate_outdoor",
							"Yes, the belts are interchangeable. Ask support for a small." })),
			new DemoTopic("backpacks", "lena_trek", "How do you clean a backpack after a muddy trip?",
					"Mine is covered in dried mud. Washing machine or hand wash?",
					List.<String[]>of(
							new String[] { "grace_alps",
									"Hand wash only, lukewarm water and mild soap, then air dry." },
							new String[] { "noah_woods",
									"Never the machine: it damages the frame sheet and coatings." })),
			new DemoTopic("clothing", "mia_summit", "Rain jacket wetting out after two years",
					"My Storm Shell jacket used to bead water, now it soaks through at the shoulders. "
							+ "Is it dead or can I restore it?",
					List.<String[]>of(
							new String[] { "lucas_river",
									"Wash it with a tech wash, then re-proof it. Works wonders." },
							new String[] { "ava_lake", "A warm tumble dry also reactivates the DWR coating." })),
			new DemoTopic("clothing", "omar_dunes", "Boot sizing: do your hiking boots run small?",
					"Ordered my usual size in the Granite boots and they feel tight at the toes.",
					List.<String[]>of(
							new String[] { "yuki_trail", "They run about half a size small in my experience." })),
			new DemoTopic("team-lounge", "staff", "Q4 follow-ups from the NPS survey",
					"Detractors mention tent seams and backpack straps. Let's close the loop with each of them.",
					List.<String[]>of(new String[] { "moderator", "I'll take the forum threads about seams." })));

	/** The tags of the demo topics, by title. */
	static final Map<String, String> TAGS = Map.ofEntries(
			Map.entry("Welcome to the Northwind Outfitters community", "community"),
			Map.entry("Trailhead 2 tent leaks at the seams after one season", "trailhead-2, warranty, seams"),
			Map.entry("Best way to pitch a tent in strong wind?", "storm-dome, wind"),
			Map.entry("帐篷防水性能怎么样？下雨天会不会漏水", "trailhead-2, 帐篷, 防水"), Map.entry("背包肩带断了，怎么申请售后？", "warranty, 背包"),
			Map.entry("Палатка протекает после первого дождя — что делать?", "trailhead-2, warranty, палатка"),
			Map.entry("Какой рюкзак выбрать для похода на неделю?", "рюкзак, поход"),
			Map.entry("Hip belt too loose on the Ridge 45 — size swap?", "ridge-45, sizing"),
			Map.entry("How do you clean a backpack after a muddy trip?", "care"),
			Map.entry("Rain jacket wetting out after two years", "storm-shell, care, waterproofing"),
			Map.entry("Boot sizing: do your hiking boots run small?", "sizing, boots"));

	/** The idea board, an IDEAS category. */
	static final DemoCategory IDEA_BOARD = new DemoCategory("ideas", "Product ideas",
			"Suggest what Northwind should make next, and vote for the ideas you want most.", "#8250df", Access.ANYONE,
			Access.MEMBER);

	static final List<DemoIdea> IDEAS = List.of(
			new DemoIdea("alex_hikes", "A rain cover stowed in the lid of the Ridge 45",
					"A cover that lives in its own pocket would save carrying a separate one.", 14, "PLANNED"),
			new DemoIdea("olga_k", "Ремкомплект для палатки в комплекте",
					"Небольшой ремкомплект (заплатки и герметик) в чехле палатки очень помог бы в походе.", 11, "DONE"),
			new DemoIdea("li_wei", "提供中文版的产品保养说明", "希望每件产品都附带中文的清洗和保养说明。", 9, "UNDER_REVIEW"),
			new DemoIdea("tom_ridge", "Lifetime warranty on tent poles",
					"Poles are the part that breaks most; a lifetime warranty would set Northwind apart.", 6,
					"DECLINED"),
			new DemoIdea("emma_north", "Women's sizes for the Storm Shell jacket",
					"The current cut is too wide at the shoulders for many of us.", 4, null));

	private DemoContent() {
	}

}
