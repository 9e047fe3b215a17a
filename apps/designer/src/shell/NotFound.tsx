import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function NotFound() {
  const { t } = useTranslation('shell');
  return (
    <main className="page">
      <p>{t('errors.notFound')}</p>
      <Link to="/">{t('errors.backToList')}</Link>
    </main>
  );
}
