package org.agora.search;

import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.core.WhitespaceTokenizerFactory;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.springframework.stereotype.Component;

/**
 * French analysis for texts: elisions removed (« l'école » → « école »), lower case, accents folded, plurals and
 * feminines lightly stemmed, so that « ecoles » finds « l'école ». Similar proposals are looked for with the same
 * chain minus French stop words, so that « les » or « pour » do not make every proposal look alike.
 * Registered through {@code hibernate.search.backend.analysis.configurer}.
 */
@Component
class FrenchAnalysis implements LuceneAnalysisConfigurer {

    static final String FRENCH = "french";
    static final String FRENCH_WITHOUT_STOP_WORDS = "french_without_stop_words";
    static final String IDS = "ids";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(FRENCH).custom()
                .tokenizer(StandardTokenizerFactory.NAME)
                .tokenFilter(ElisionFilterFactory.NAME).param("ignoreCase", "true")
                .tokenFilter(LowerCaseFilterFactory.NAME)
                .tokenFilter(ASCIIFoldingFilterFactory.NAME)
                .tokenFilter(FrenchLightStemFilterFactory.NAME);
        context.analyzer(FRENCH_WITHOUT_STOP_WORDS).custom()
                .tokenizer(StandardTokenizerFactory.NAME)
                .tokenFilter(ElisionFilterFactory.NAME).param("ignoreCase", "true")
                .tokenFilter(LowerCaseFilterFactory.NAME)
                .tokenFilter(StopFilterFactory.NAME)
                    .param("words", "org/apache/lucene/analysis/snowball/french_stop.txt")
                    .param("format", "snowball").param("ignoreCase", "true")
                .tokenFilter(ASCIIFoldingFilterFactory.NAME)
                .tokenFilter(FrenchLightStemFilterFactory.NAME);
        context.analyzer(IDS).custom().tokenizer(WhitespaceTokenizerFactory.NAME);
    }
}
